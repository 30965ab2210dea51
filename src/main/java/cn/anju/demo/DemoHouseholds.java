package cn.anju.demo;

import cn.anju.household.ChangeReportKind;
import cn.anju.household.ChangeReports;
import cn.anju.household.Eligibility;
import cn.anju.household.EligibilityStatus;
import cn.anju.household.HouseholdCategory;
import cn.anju.household.HouseholdQueries;
import cn.anju.household.HouseholdRegister;
import cn.anju.household.Relationship;
import cn.anju.household.RentTier;
import cn.anju.shared.privacy.ChineseIdNumber;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * The demo's 1,500 households (synthetic names, checksum-valid ID numbers under Yulin area codes, including retired
 * ones), registered by their district's officer (those registered before the platform started are entered on its
 * first day, with the day they were registered), their eligibility decisions decided on their days (some expiring
 * soon, some lapsed, some revoked or suspended since), and change reports filed by the operator's staff and decided by
 * the officer. Deterministic: it continues the housing's random sequence.
 */
@Component
@Profile("demo")
class DemoHouseholds {

    /** The demo tenant of README.md: the head of the first household of 榆阳区. */
    static final String TENANT_NAME = "张建华";
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "高", "赵", "郭", "马", "白", "贺", "冯",
            "霍", "惠", "薛", "曹", "乔", "苏", "任", "吴", "崔", "常", "尚"};
    private static final String[] GIVEN = {"建国", "红梅", "志强", "晓燕", "海军", "丽娟", "小军", "秀英", "国庆", "桂兰",
            "文博", "雪梅", "振华", "玉兰", "永强", "春花", "子涵", "欣怡", "浩然", "梓萱", "宇航", "思雨", "俊杰", "佳琪"};

    private record District(String code, String short_, String[] areaCodes, int households, String officer, String reporter) {
    }

    private static final List<District> DISTRICTS = List.of(
            new District("610802", "榆阳", new String[]{"610802", "612701", "612722"}, 750, "yuyang.gov", "anju.staff"),
            new District("610803", "横山", new String[]{"610803", "612723"}, 250, "hengshan.gov", "anju.staff"),
            new District("610881", "神木", new String[]{"610881", "610821", "612724"}, 500, "shenmu.gov", "shenmu.op"));

    /**
     * A household whose eligibility is in force today, and since when without a break (its first decision's start, or
     * the one before if the current decision followed it): a lease may start for it from then on; {@code renewedOn},
     * the day the current decision that followed another was made (null if there was none before it).
     */
    record Waiting(long household, String district, LocalDate eligibleSince, LocalDate renewedOn) {
    }

    /** What was registered: the households waiting today in id order, and the demo tenant's (the first of 榆阳). */
    record Registered(int households, List<Waiting> waiting, long tenantHousehold, long tenantHead) {
    }

    private final DemoActs acts;
    private final HouseholdRegister register;
    private final Eligibility eligibility;
    private final ChangeReports reports;
    private final HouseholdQueries queries;

    DemoHouseholds(DemoActs acts, HouseholdRegister register, Eligibility eligibility, ChangeReports reports, HouseholdQueries queries) {
        this.acts = acts;
        this.register = register;
        this.eligibility = eligibility;
        this.reports = reports;
        this.queries = queries;
    }

    Registered register(Random random) {
        LocalDate today = acts.today();
        Set<String> usedIds = new HashSet<>();
        int created = 0;
        int filed = 0;
        long tenantHousehold = 0;
        List<Waiting> waiting = new ArrayList<>();
        for (District d : DISTRICTS) {
            for (int n = 1; n <= d.households(); n++) {
                String surname = SURNAMES[random.nextInt(SURNAMES.length)];
                LocalDate headBirth = LocalDate.of(1948 + random.nextInt(52), 1 + random.nextInt(12), 1 + random.nextInt(28));
                List<HouseholdRegister.NewMember> members = new ArrayList<>();
                HouseholdRegister.NewMember head = member(surname, Relationship.HEAD, d.areaCodes(), headBirth, true, random, usedIds);
                boolean tenant = n == 1 && d.code().equals("610802");
                if (tenant) {
                    head = new HouseholdRegister.NewMember(TENANT_NAME, Relationship.HEAD, head.idNumber(), head.phone());
                }
                members.add(head);
                int size = 1 + random.nextInt(4);
                LocalDate youngest = headBirth;
                if (size >= 2) {
                    LocalDate spouseBirth = headBirth.plusYears(random.nextInt(7) - 3).plusDays(random.nextInt(200));
                    youngest = spouseBirth.isAfter(youngest) ? spouseBirth : youngest;
                    members.add(member(SURNAMES[random.nextInt(SURNAMES.length)], Relationship.SPOUSE, d.areaCodes(),
                            spouseBirth, random.nextInt(10) < 7, random, usedIds));
                }
                for (int c = 3; c <= size; c++) {
                    LocalDate childBirth = headBirth.plusYears(22 + random.nextInt(12)).plusDays(random.nextInt(300));
                    if (childBirth.isAfter(today.minusYears(1))) {
                        childBirth = today.minusYears(1 + random.nextInt(5));
                    }
                    youngest = childBirth.isAfter(youngest) ? childBirth : youngest;
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
                // registered on paper before the platform started: entered on its first day, with the day it was registered;
                // a household whose youngest member was born since is entered as it is now, once that child was registered
                LocalDate entered = latest(latest(registered, acts.platformStart()), youngest.plusMonths(1));
                var household = new HouseholdRegister.NewHousehold(d.code(), category, groups, registered, members);
                long householdId = acts.at(acts.at(entered, 9), d.officer(), u -> register.register(u, household));
                decisions(householdId, d, n, registered, entered, category, today, random).ifPresent(waiting::add);
                if (tenant) {
                    tenantHousehold = householdId;
                }
                if (n % 25 == 0) {
                    ChangeReportKind kind = ChangeReportKind.values()[random.nextInt(ChangeReportKind.values().length)];
                    Boolean decided = filed % 3 == 0 ? Boolean.valueOf(random.nextBoolean()) : null;
                    report(householdId, d, kind, acts.at(today, 10).minusSeconds(86_400L * (1 + random.nextInt(60))), decided);
                    filed++;
                }
                created++;
            }
        }
        long tenantHead = queries.headMemberId(tenantHousehold).orElseThrow();
        return new Registered(created, waiting, tenantHousehold, tenantHead);
    }

    /** The decision in force (and, for a household registered long enough ago, the one it followed); waiting if in force today. */
    private Optional<Waiting> decisions(long householdId, District d, int n, LocalDate registered, LocalDate entered, HouseholdCategory category,
                           LocalDate today, Random random) {
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
        String bureau = d.short_() + "区县住房保障中心";
        LocalDate from = validFrom.minusYears(3).isBefore(registered) ? registered : validFrom.minusYears(3);
        if (validFrom.isAfter(registered.plusMonths(6))) {
            var first = new Eligibility.NewDecision(d.short_() + "住保〔" + from.getYear() + "〕" + String.format("%05d", n) + "号",
                    bureau, from, from, validFrom, area, tier, null);
            previous = acts.at(decidedAt(from, entered), d.officer(), u -> eligibility.decide(u, householdId, first));
        }
        var current = new Eligibility.NewDecision(
                d.short_() + "住保〔" + validFrom.getYear() + "〕" + String.format("%05d", n) + "-" + (previous == null ? "1" : "2") + "号",
                bureau, validFrom, validFrom, validTo, area, tier, previous);
        long decision = acts.at(decidedAt(validFrom, entered), d.officer(), u -> eligibility.decide(u, householdId, current));
        EligibilityStatus status = roll >= 95 ? EligibilityStatus.REVOKED : roll >= 92 ? EligibilityStatus.SUSPENDED : EligibilityStatus.VALID;
        if (status != EligibilityStatus.VALID) {
            String reason = status == EligibilityStatus.REVOKED ? "家庭购买住房，不再符合保障条件" : "收入核查中";
            acts.run(acts.at(today.minusDays(1 + n % 30), 11), d.officer(), u -> eligibility.changeStatus(u, decision, status, reason));
            return Optional.empty();
        }
        boolean inForce = !validFrom.isAfter(today) && !validTo.isBefore(today);
        LocalDate since = latest(previous == null ? validFrom : from, entered);
        LocalDate renewed = previous == null ? null : latest(validFrom, entered);
        return inForce ? Optional.of(new Waiting(householdId, d.code(), since, renewed)) : Optional.empty();
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** A decision is entered on the day it was made, or on the household's first day on the platform if that is later. */
    private Instant decidedAt(LocalDate decidedOn, LocalDate entered) {
        return acts.at(decidedOn.isBefore(entered) ? entered : decidedOn, 10);
    }

    /** Filed by the operator's staff (or the district's own clerk); a third decided by the officer a day later. */
    private void report(long householdId, District d, ChangeReportKind kind, Instant at, Boolean accepted) {
        long report = acts.at(at, d.reporter(), u -> reports.file(u, householdId, kind, "巡查发现：" + describe(kind)));
        if (accepted != null) {
            acts.run(at.plusSeconds(86_400), d.officer(), u -> reports.decide(u, report, accepted,
                    accepted ? "已核实，转入资格复核" : "经核实情况不符"));
        }
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
