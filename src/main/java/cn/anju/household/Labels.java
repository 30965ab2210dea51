package cn.anju.household;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The Chinese words the bureaus' sheets use for categories, relationships, groups and rent tiers. */
final class Labels {

    // ordered as the messages list them to people
    static final Map<String, HouseholdCategory> CATEGORIES = ordered("低保", HouseholdCategory.MINIMUM_LIVING,
            "特困", HouseholdCategory.EXTREME_POVERTY, "低收入", HouseholdCategory.LOW_INCOME,
            "中等偏下收入", HouseholdCategory.LOWER_MIDDLE_INCOME, "新就业无房职工", HouseholdCategory.NEW_EMPLOYEE,
            "外来务工人员", HouseholdCategory.MIGRANT_WORKER, "其他", HouseholdCategory.OTHER);
    static final Map<String, Relationship> RELATIONSHIPS = ordered("户主", Relationship.HEAD, "配偶", Relationship.SPOUSE,
            "子女", Relationship.CHILD, "父母", Relationship.PARENT, "兄弟姐妹", Relationship.SIBLING,
            "孙子女", Relationship.GRANDCHILD, "其他", Relationship.OTHER);
    static final Map<String, String> GROUPS = ordered("残疾", "DISABILITY", "优抚对象", "VETERAN_FAMILY",
            "60岁以上老人", "ELDERLY", "大病", "SERIOUS_ILLNESS");
    static final Map<String, RentTier> TIERS = ordered("市场租金", RentTier.MARKET, "标准租金", RentTier.STANDARD,
            "减免租金", RentTier.REDUCED, "最低租金", RentTier.MINIMUM);

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> ordered(Object... pairs) {
        LinkedHashMap<String, T> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (T) pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }

    private Labels() {
    }

    static <T> Optional<T> of(Map<String, T> labels, String text) {
        return Optional.ofNullable(labels.get(text == null ? "" : text.trim()));
    }

    static <T> String label(Map<String, T> labels, T value) {
        return labels.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst().orElse("");
    }
}
