package cn.anju.demo;

import cn.anju.housing.HousingQueries;
import cn.anju.housing.UnitStatus;
import cn.anju.inspection.IdleUnits;
import cn.anju.inspection.Verifications;
import cn.anju.shared.files.Upload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Demo field operations: patrols ({@link DemoPatrols}) and repairs ({@link DemoRepairs}) with a year of history,
 * this year's occupant check in 横山区 under way, and seven months of water and electricity readings imported for
 * 榆阳's occupied units, three of which have used next to nothing for six months.
 */
@Component
@Profile("demo")
class DemoFieldOperations {

    private static final Logger log = LoggerFactory.getLogger(DemoFieldOperations.class);

    private final DemoActs acts;
    private final DemoPatrols patrols;
    private final DemoRepairs repairs;
    private final Verifications verifications;
    private final IdleUnits idle;
    private final HousingQueries housing;

    DemoFieldOperations(DemoActs acts, DemoPatrols patrols, DemoRepairs repairs, Verifications verifications, IdleUnits idle,
                        HousingQueries housing) {
        this.acts = acts;
        this.patrols = patrols;
        this.repairs = repairs;
        this.verifications = verifications;
        this.idle = idle;
        this.housing = housing;
    }

    void make(List<DemoLeases.Let> lets, long tenantHousehold) {
        Random random = new Random(2029);
        DemoPatrols.Walked walked = patrols.walk(random);
        long tenantsProject = lets.stream().filter(l -> l.household() == tenantHousehold).map(DemoLeases.Let::project).findFirst().orElse(-1L);
        int orders = 0;
        for (String district : List.of("610802", "610803", "610881")) {
            List<Long> projects = acts.now(DemoHousing.OFFICERS.get(district), housing::projects).stream()
                    .map(HousingQueries.ProjectRow::id).sorted().limit(2).toList();
            for (long project : projects) {
                orders += repairs.history(district, project, project == tenantsProject, 48, 365, random);
            }
        }
        int preventive = repairs.schedules();
        long first = acts.now("yuyang.gov", housing::projects).stream().map(HousingQueries.ProjectRow::id).sorted().findFirst().orElseThrow();
        repairs.today(first);
        int visited = verification(random);
        int readings = readings(lets, random);
        log.info("Demo field operations ready: {} past patrol tasks, {} current, {} finished work orders, {} preventive orders, "
                + "{} verification visits recorded, {} meter readings", walked.past(), walked.current(), orders, preventive, visited, readings);
    }

    /** This year's occupant check in 横山区, under way: most visits match, one household is not the one living there. */
    private int verification(Random random) {
        LocalDate today = acts.today();
        long campaign = acts.now("anju.manager", manager -> verifications.open(manager, new Verifications.NewCampaign("610803",
                today.getYear() + "年度入户核查", today.minusDays(20), today.plusDays(40))));
        List<Verifications.Visit> visits = acts.now("anju.manager", manager -> verifications.visits(manager, campaign, true));
        int done = 0;
        for (int i = 0; i < visits.size() && i < 60; i++) {
            Verifications.Outcome outcome = i == 7 ? Verifications.Outcome.DIFFERENT_OCCUPANTS
                    : i % 23 == 5 ? Verifications.Outcome.EMPTY : Verifications.Outcome.MATCH;
            long visit = visits.get(i).id();
            String note = outcome == Verifications.Outcome.MATCH ? null
                    : outcome == Verifications.Outcome.EMPTY ? "多次上门无人，邻居称户主外出务工" : "实际居住人自称向户主月付租金";
            List<Upload> photos = outcome == Verifications.Outcome.DIFFERENT_OCCUPANTS ? List.of(new Upload("核查.png", DemoCases.photo(i))) : List.of();
            acts.now("anju.staff", clerk -> {
                verifications.record(clerk, visit, outcome, note, null, null, photos);
                return null;
            });
            done++;
        }
        return done;
    }

    /** Seven months of water and electricity for 榆阳's occupied units; three of them have used next to nothing for six months. */
    private int readings(List<DemoLeases.Let> lets, Random random) {
        Set<Long> leaving = lets.stream().filter(DemoLeases.Let::movingOut).map(DemoLeases.Let::unit).collect(Collectors.toSet());
        List<HousingQueries.UnitRow> units = acts.now("yuyang.gov", u -> housing.allUnits(u, new HousingQueries.UnitFilter("610802", null, null,
                        UnitStatus.OCCUPIED, null, null, null))).stream()
                .filter(u -> !leaving.contains(u.id())).sorted(Comparator.comparingLong(HousingQueries.UnitRow::id)).toList();
        YearMonth latest = YearMonth.from(acts.today()).minusMonths(1);
        StringBuilder csv = new StringBuilder("项目,楼栋,房号,月份,用水量,用电量\n");
        for (int i = 0; i < units.size(); i++) {
            boolean idleUnit = i % 180 == 17;
            HousingQueries.UnitRow u = units.get(i);
            for (int back = 6; back >= 0; back--) {
                csv.append(u.projectName()).append(',').append(u.buildingNumber()).append("栋,").append(u.number()).append(',')
                        .append(latest.minusMonths(back)).append(',')
                        .append(idleUnit ? "0." + random.nextInt(5) : String.valueOf(2 + random.nextInt(9))).append(',')
                        .append(idleUnit ? String.valueOf(random.nextInt(6)) : String.valueOf(50 + random.nextInt(220))).append('\n');
            }
        }
        byte[] sheet = csv.toString().getBytes(StandardCharsets.UTF_8);
        return acts.now("anju.staff", clerk -> idle.importReadings(clerk, sheet)).lines();
    }
}
