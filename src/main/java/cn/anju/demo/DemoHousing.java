package cn.anju.demo;

import cn.anju.household.ChangeReportKind;
import cn.anju.household.Eligibility;
import cn.anju.household.EligibilityStatus;
import cn.anju.household.HouseholdCategory;
import cn.anju.household.HouseholdRegister;
import cn.anju.household.HouseholdSeeding;
import cn.anju.household.Relationship;
import cn.anju.household.RentTier;
import cn.anju.housing.HousingSeeding;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.IdentitySeeding;
import cn.anju.shared.privacy.ChineseIdNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic housing stock and households for the demo districts (榆阳区, 横山区, 神木市): 6 projects, 20 buildings,
 * 2,000 units, 1,500 households with checksum-valid ID numbers under Yulin area codes (including retired ones),
 * their eligibility decisions (some expiring soon, some revoked, some suspended, some lapsed) and change reports.
 * Deterministic (fixed seed); written once, skipped on every later start.
 */
@Component
@Profile("demo")
@Order(20)
class DemoHousing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHousing.class);
    /** The demo tenant of README.md: the head of the first household of 榆阳区. */
    static final String TENANT_USERNAME = "tenant.demo";
    static final String TENANT_NAME = "张建华";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "高", "赵", "郭", "马", "白", "贺", "冯",
            "霍", "惠", "薛", "曹", "乔", "苏", "任", "吴", "崔", "常", "尚"};
    private static final String[] GIVEN = {"建国", "红梅", "志强", "晓燕", "海军", "丽娟", "小军", "秀英", "国庆", "桂兰",
            "文博", "雪梅", "振华", "玉兰", "永强", "春花", "子涵", "欣怡", "浩然", "梓萱", "宇航", "思雨", "俊杰", "佳琪"};

    record ProjectPlan(String district, String name, String address, int year, int buildings) {
    }

    static final List<ProjectPlan> PROJECTS = List.of(
            new ProjectPlan("610802", "金沙花园公租房", "榆阳区金沙路88号", 2014, 4),
            new ProjectPlan("610802", "沙河路公租房小区", "榆阳区沙河路16号", 2016, 4),
            new ProjectPlan("610802", "长城北路保障房三期", "榆阳区长城北路201号", 2019, 3),
            new ProjectPlan("610803", "横山城关公租房", "横山区府前路12号", 2017, 3),
            new ProjectPlan("610881", "麟州公租房", "神木市麟州街56号", 2015, 3),
            new ProjectPlan("610881", "滨河新区公租房", "神木市滨河大道118号", 2020, 3));

    private final HousingSeeding housing;
    private final HouseholdSeeding households;
    private final IdentitySeeding identity;
    private final Clock clock;

    DemoHousing(HousingSeeding housing, HouseholdSeeding households, IdentitySeeding identity, Clock clock) {
        this.housing = housing;
        this.households = households;
        this.identity = identity;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Random random = new Random(2026);
        int units = 0;
        for (ProjectPlan p : PROJECTS) {
            if (housing.hasProject(p.district(), p.name())) {
                continue;
            }
            List<HousingSeeding.BuildingSpec> buildings = new ArrayList<>();
            for (int b = 1; b <= p.buildings(); b++) {
                buildings.add(building(b, random));
            }
            housing.project(p.district(), p.name(), p.address(), p.year(), buildings);
            units += buildings.stream().mapToInt(x -> x.units().size()).sum();
        }
        int created = households.householdCount() == 0 ? households(random) : 0;
        log.info("Demo housing ready ({} units and {} households created now)", units, created);
    }

    private HousingSeeding.BuildingSpec building(int number, Random random) {
        List<HousingSeeding.UnitSpec> units = new ArrayList<>();
        for (int floor = 1; floor <= 10; floor++) {
            for (int i = 1; i <= 10; i++) {
                boolean two = i % 3 == 0;
                BigDecimal area = BigDecimal.valueOf(two ? 5500 + random.nextInt(500) : 4000 + random.nextInt(1000), 2);
                BigDecimal usable = area.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP);
                int roll = random.nextInt(100);
                UnitStatus status = roll < 72 ? UnitStatus.OCCUPIED : roll < 90 ? UnitStatus.VACANT
                        : roll < 94 ? UnitStatus.RESERVED : roll < 97 ? UnitStatus.UNDER_REPAIR : UnitStatus.OFFLINE;
                units.add(new HousingSeeding.UnitSpec(floor, String.valueOf(floor * 100 + i), two ? "两室一厅" : "一室一厅",
                        area, usable, area, i <= 5 ? "南北" : (i % 2 == 0 ? "东" : "西"), status));
            }
        }
        return new HousingSeeding.BuildingSpec(String.valueOf(number), 10, number % 2 == 0, units);
    }

    private int households(Random random) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        record District(String code, String short_, String[] areaCodes, int households, String officer, String reporter) {
        }
        List<District> districts = List.of(
                new District("610802", "榆阳", new String[]{"610802", "612701", "612722"}, 750, "yuyang.gov", "anju.staff"),
                new District("610803", "横山", new String[]{"610803", "612723"}, 250, "hengshan.gov", "anju.staff"),
                new District("610881", "神木", new String[]{"610881", "610821", "612724"}, 500, "shenmu.gov", "shenmu.op"));
        Set<String> usedIds = new HashSet<>();
        int created = 0;
        int reports = 0;
        for (District d : districts) {
            long officer = identity.userId(d.officer());
            long reporter = identity.userId(d.reporter());
            for (int n = 1; n <= d.households(); n++) {
                String surname = SURNAMES[random.nextInt(SURNAMES.length)];
                LocalDate headBirth = LocalDate.of(1948 + random.nextInt(52), 1 + random.nextInt(12), 1 + random.nextInt(28));
                List<HouseholdRegister.NewMember> members = new ArrayList<>();
                HouseholdRegister.NewMember head = member(surname, Relationship.HEAD, d.areaCodes(), headBirth, true, random, usedIds);
                if (n == 1 && d.code().equals("610802")) {
                    head = new HouseholdRegister.NewMember(TENANT_NAME, Relationship.HEAD, head.idNumber(), head.phone());
                }
                members.add(head);
                int size = 1 + random.nextInt(4);
                if (size >= 2) {
                    members.add(member(SURNAMES[random.nextInt(SURNAMES.length)], Relationship.SPOUSE, d.areaCodes(),
                            headBirth.plusYears(random.nextInt(7) - 3).plusDays(random.nextInt(200)), random.nextInt(10) < 7, random, usedIds));
                }
                for (int c = 3; c <= size; c++) {
                    LocalDate childBirth = headBirth.plusYears(22 + random.nextInt(12)).plusDays(random.nextInt(300));
                    if (childBirth.isAfter(today.minusYears(1))) {
                        childBirth = today.minusYears(1 + random.nextInt(5));
                    }
                    members.add(member(surname, Relationship.CHILD, d.areaCodes(), childBirth, false, random, usedIds));
                }
                Set<String> groups = new LinkedHashSet<>();
                if (headBirth.isBefore(today.minusYears(60))) {
                    groups.add("ELDERLY");
                }
                if (random.nextInt(100) < 8) {
                    groups.add("DISABILITY");
                }
                if (random.nextInt(100) < 4) {
                    groups.add("VETERAN_FAMILY");
                }
                HouseholdCategory category = category(random.nextInt(100));
                LocalDate registered = LocalDate.of(2015 + random.nextInt(10), 1 + random.nextInt(12), 1 + random.nextInt(28));
                long householdId = households.household(new HouseholdRegister.NewHousehold(d.code(), category, groups,
                        registered, members));
                decisions(householdId, d.short_(), n, registered, category, today, officer, random);
                if (n == 1 && d.code().equals("610802") && !identity.exists(TENANT_USERNAME)) {
                    identity.tenant(TENANT_USERNAME, TENANT_NAME, d.code(), householdId, households.headMemberId(householdId),
                            DemoData.PASSWORD);
                }
                if (n % 25 == 0) {
                    ChangeReportKind kind = ChangeReportKind.values()[random.nextInt(ChangeReportKind.values().length)];
                    Boolean decided = reports % 3 == 0 ? Boolean.valueOf(random.nextBoolean()) : null;
                    households.report(householdId, kind, "巡查发现：" + describe(kind), reporter,
                            clock.instant().minusSeconds(86_400L * (1 + random.nextInt(60))), decided, officer);
                    reports++;
                }
                created++;
            }
        }
        return created;
    }

    private void decisions(long householdId, String district, int n, LocalDate registered, HouseholdCategory category,
                           LocalDate today, long officer, Random random) {
        RentTier tier = switch (category) {
            case MINIMUM_LIVING, EXTREME_POVERTY -> RentTier.MINIMUM;
            case LOW_INCOME -> RentTier.REDUCED;
            default -> RentTier.STANDARD;
        };
        BigDecimal area = new BigDecimal(random.nextBoolean() ? "50.00" : "60.00");
        int roll = random.nextInt(100);
        // the current decision's end: mostly ahead, some within 60 days (renewal due), some already passed
        LocalDate validTo = roll < 7 ? today.minusDays(1 + random.nextInt(120))
                : roll < 15 ? today.plusDays(1 + random.nextInt(60))
                : today.plusDays(61 + random.nextInt(900));
        LocalDate validFrom = validTo.minusYears(3);
        Long previous = null;
        if (validFrom.isAfter(registered.plusMonths(6))) {
            LocalDate from = validFrom.minusYears(3).isBefore(registered) ? registered : validFrom.minusYears(3);
            previous = households.decision(householdId, new Eligibility.NewDecision(
                    district + "住保〔" + from.getYear() + "〕" + String.format("%05d", n) + "号", district + "区县住房保障中心",
                    from, from, validFrom, area, tier, null), EligibilityStatus.EXPIRED, "有效期届满", officer);
        }
        EligibilityStatus status = roll >= 95 ? EligibilityStatus.REVOKED : roll >= 92 ? EligibilityStatus.SUSPENDED : EligibilityStatus.VALID;
        String reason = status == EligibilityStatus.REVOKED ? "家庭购买住房，不再符合保障条件"
                : status == EligibilityStatus.SUSPENDED ? "收入核查中" : null;
        households.decision(householdId, new Eligibility.NewDecision(
                district + "住保〔" + validFrom.getYear() + "〕" + String.format("%05d", n) + "-" + (previous == null ? "1" : "2") + "号",
                district + "区县住房保障中心", validFrom, validFrom, validTo, area, tier, previous), status, reason, officer);
    }

    private static HouseholdRegister.NewMember member(String surname, Relationship relationship, String[] areas,
                                                      LocalDate birth, boolean phone, Random random, Set<String> used) {
        String id;
        do {
            String first17 = areas[random.nextInt(areas.length)] + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", random.nextInt(1000));
            id = first17 + ChineseIdNumber.checkCharacter(first17);
        } while (!used.add(id));
        String name = surname + GIVEN[random.nextInt(GIVEN.length)];
        String mobile = phone ? "1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)) : null;
        return new HouseholdRegister.NewMember(name, relationship, id, mobile);
    }

    private static HouseholdCategory category(int roll) {
        if (roll < 20) {
            return HouseholdCategory.MINIMUM_LIVING;
        }
        if (roll < 25) {
            return HouseholdCategory.EXTREME_POVERTY;
        }
        if (roll < 50) {
            return HouseholdCategory.LOW_INCOME;
        }
        if (roll < 70) {
            return HouseholdCategory.LOWER_MIDDLE_INCOME;
        }
        if (roll < 85) {
            return HouseholdCategory.NEW_EMPLOYEE;
        }
        return roll < 97 ? HouseholdCategory.MIGRANT_WORKER : HouseholdCategory.OTHER;
    }

    private static String describe(ChangeReportKind kind) {
        return switch (kind) {
            case MEMBER_MOVED_OUT -> "子女已外出工作，户籍迁出";
            case MEMBER_MOVED_IN -> "老人随住，需登记为家庭成员";
            case INCOME_ROSE -> "户主就业单位变更，收入明显提高";
            case BOUGHT_HOUSE -> "邻里反映该户已在城区购房";
            case CONTACT_CHANGED -> "户主更换了手机号";
            case OTHER -> "房屋长期无人居住，需核实";
        };
    }
}
