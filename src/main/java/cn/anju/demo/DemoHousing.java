package cn.anju.demo;

import cn.anju.housing.BuildingRegister;
import cn.anju.housing.HousingQueries;
import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.DemoAccounts;
import cn.anju.imports.Imports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The demo districts' housing stock (榆阳区, 横山区, 神木市): 6 projects, 20 buildings with their fire equipment and
 * elevators, 2,000 units, registered by each district's officer when the platform started, the units by the unit
 * import. A few units are under repair or taken offline; every other unit is vacant until a lease moves a household
 * in ({@link DemoLeases}). Deterministic (fixed seed); made once, skipped on every later start.
 */
@Component
@Profile("demo")
class DemoHousing {

    private static final Logger log = LoggerFactory.getLogger(DemoHousing.class);
    /** The demo tenant of README.md: the head of the first household of 榆阳区. */
    static final String TENANT_USERNAME = "tenant.demo";

    record ProjectPlan(String district, String name, String address, int year, int buildings) {
    }

    static final List<ProjectPlan> PROJECTS = List.of(
            new ProjectPlan("610802", "金沙花园公租房", "榆阳区金沙路88号", 2014, 4),
            new ProjectPlan("610802", "沙河路公租房小区", "榆阳区沙河路16号", 2016, 4),
            new ProjectPlan("610802", "长城北路保障房三期", "榆阳区长城北路201号", 2019, 3),
            new ProjectPlan("610803", "横山城关公租房", "横山区府前路12号", 2017, 3),
            new ProjectPlan("610881", "麟州公租房", "神木市麟州街56号", 2015, 3),
            new ProjectPlan("610881", "滨河新区公租房", "神木市滨河大道118号", 2020, 3));

    /** Each demo district's housing officer. */
    static final Map<String, String> OFFICERS = Map.of("610802", "yuyang.gov", "610803", "hengshan.gov", "610881", "shenmu.gov");

    private final DemoActs acts;
    private final HousingStock stock;
    private final HousingQueries queries;
    private final BuildingRegister buildings;
    private final Imports imports;
    private final DemoHouseholds households;
    private final DemoAccounts accounts;

    DemoHousing(DemoActs acts, HousingStock stock, HousingQueries queries, BuildingRegister buildings, Imports imports,
                DemoHouseholds households, DemoAccounts accounts) {
        this.acts = acts;
        this.households = households;
        this.accounts = accounts;
        this.stock = stock;
        this.queries = queries;
        this.buildings = buildings;
        this.imports = imports;
    }

    /** Whether the demo city exists already (its first project is registered). */
    boolean made() {
        return !acts.now("yuyang.gov", queries::projects).isEmpty();
    }

    DemoHouseholds.Registered make() {
        Random random = new Random(2026);
        Instant opened = acts.at(acts.platformStart(), 9);
        int units = 0;
        for (String district : List.of("610802", "610803", "610881")) {
            StringBuilder sheet = new StringBuilder("项目名称,楼栋号,楼层,房号,户型,建筑面积,使用面积,计租面积,朝向\n");
            List<UnitStatus> planned = new ArrayList<>();
            List<Long> projects = new ArrayList<>();
            for (ProjectPlan p : PROJECTS.stream().filter(p -> p.district().equals(district)).toList()) {
                projects.add(project(p, opened, random, sheet, planned));
            }
            String officer = OFFICERS.get(district);
            Imports.Result imported = acts.at(opened.plusSeconds(3_600), officer,
                    u -> imports.importFile(u, "units", sheet.toString().getBytes(StandardCharsets.UTF_8), "房源导入.csv", false));
            if (!imported.ok()) {
                throw new IllegalStateException("demo units refused: " + imported.errors());
            }
            units += imported.created();
            outOfUse(district, projects, planned);
        }
        // every household shares one commit (each still registered and decided on its own days)
        DemoHouseholds.Registered registered = acts.together(() -> households.register(random));
        accounts.openTenant(TENANT_USERNAME, DemoHouseholds.TENANT_NAME, "610802", registered.tenantHousehold(), registered.tenantHead());
        log.info("Demo housing ready ({} units registered and imported, {} households registered)", units, registered.households());
        return registered;
    }

    /** The project, its buildings and their facilities; its units go into the district's sheet. */
    private long project(ProjectPlan p, Instant at, Random random, StringBuilder sheet, List<UnitStatus> planned) {
        String officer = OFFICERS.get(p.district());
        long project = acts.at(at, officer, u -> stock.registerProject(u, new HousingStock.NewProject(p.district(), p.name(), p.address(), p.year())));
        for (int b = 1; b <= p.buildings(); b++) {
            String number = String.valueOf(b);
            boolean elevator = b % 2 == 0;
            acts.run(at, officer, u -> {
                long building = buildings.registerBuilding(u, new BuildingRegister.NewBuilding(project, number, 10, elevator));
                buildings.registerFacility(u, new BuildingRegister.NewFacility(project, building, BuildingRegister.FacilityKind.FIRE_EQUIPMENT,
                        number + "栋消防栓", number + "栋各层楼梯间", "榆林消防器材厂", LocalDate.of(p.year(), 6, 1), 30));
                if (elevator) {
                    buildings.registerFacility(u, new BuildingRegister.NewFacility(project, building, BuildingRegister.FacilityKind.ELEVATOR,
                            number + "栋1号电梯", number + "栋1单元", "西子奥的斯", LocalDate.of(p.year(), 9, 1), 15));
                }
            });
            units(p.name(), number, random, sheet, planned);
        }
        return project;
    }

    private static void units(String project, String building, Random random, StringBuilder sheet, List<UnitStatus> planned) {
        for (int floor = 1; floor <= 10; floor++) {
            for (int i = 1; i <= 10; i++) {
                boolean two = i % 3 == 0;
                BigDecimal area = BigDecimal.valueOf(two ? 5500 + random.nextInt(500) : 4000 + random.nextInt(1000), 2);
                BigDecimal usable = area.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP);
                int roll = random.nextInt(100);
                planned.add(roll < 94 ? UnitStatus.VACANT : roll < 97 ? UnitStatus.UNDER_REPAIR : UnitStatus.OFFLINE);
                sheet.append(project).append(',').append(building).append(',').append(floor).append(',').append(floor * 100 + i)
                        .append(',').append(two ? "两室一厅" : "一室一厅").append(',').append(area).append(',').append(usable).append(',')
                        .append(area).append(',').append(i <= 5 ? "南北" : (i % 2 == 0 ? "东" : "西")).append('\n');
            }
        }
    }

    /** Units planned under repair or offline leave the stock a month ago, by the officer, with the reason. */
    private void outOfUse(String district, List<Long> projects, List<UnitStatus> planned) {
        List<Long> imported = new ArrayList<>();
        projects.forEach(p -> imported.addAll(stock.vacantUnits(district, p)));
        Instant at = acts.at(acts.today().minusDays(30), 10);
        for (int i = 0; i < imported.size() && i < planned.size(); i++) {
            UnitStatus to = planned.get(i);
            long unit = imported.get(i);
            if (to != UnitStatus.VACANT) {
                acts.run(at, OFFICERS.get(district), u -> stock.changeUnitStatus(u, unit, to,
                        to == UnitStatus.UNDER_REPAIR ? "屋面渗漏，待维修" : "结构安全鉴定期间暂停配租"));
            }
        }
    }
}
