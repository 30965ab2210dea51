package cn.anju.housing.web;

import cn.anju.housing.BuildingRegister;
import cn.anju.housing.HousingQueries;
import cn.anju.housing.HousingStock;
import cn.anju.housing.UnitStatus;
import cn.anju.identity.CurrentUser;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "房源 Housing")
class HousingApi {

    private final HousingQueries queries;
    private final HousingStock stock;
    private final BuildingRegister buildings;

    HousingApi(HousingQueries queries, HousingStock stock, BuildingRegister buildings) {
        this.queries = queries;
        this.stock = stock;
        this.buildings = buildings;
    }

    @GetMapping("/projects")
    @Operation(summary = "项目列表（按数据范围），含楼栋数、套数、空置与在住套数")
    List<HousingQueries.ProjectRow> projects(CurrentUser user) {
        return queries.projects(user);
    }

    @PostMapping("/projects")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记项目（本区县住房保障部门或市住建局管理员）")
    Map<String, Long> createProject(CurrentUser user, @RequestBody HousingStock.NewProject project) {
        return Map.of("id", stock.registerProject(user, project));
    }

    record NewBuilding(String number, Integer floors, Boolean hasElevator) {
    }

    @PostMapping("/projects/{id}/buildings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记项目的楼栋（本区县住房保障部门或市住建局管理员）；房源随后按楼栋号导入")
    Map<String, Long> createBuilding(CurrentUser user, @PathVariable long id, @RequestBody NewBuilding b) {
        return Map.of("id", buildings.registerBuilding(user, new BuildingRegister.NewBuilding(id, b.number(), b.floors(), Boolean.TRUE.equals(b.hasElevator()))));
    }

    record NewFacility(Long buildingId, BuildingRegister.FacilityKind kind, String name, String location, String maker,
                       LocalDate installedOn, Integer inspectionCycleDays) {
    }

    @PostMapping("/projects/{id}/facilities")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记共用设施设备（电梯、消防设施、水泵等），维修养护据此排定保养")
    Map<String, Long> createFacility(CurrentUser user, @PathVariable long id, @RequestBody NewFacility f) {
        return Map.of("id", buildings.registerFacility(user, new BuildingRegister.NewFacility(id, f.buildingId(), f.kind(), f.name(),
                f.location(), f.maker(), f.installedOn(), f.inspectionCycleDays())));
    }

    record UnitSearch(String districtCode, Long projectId, Long buildingId, UnitStatus status, String layout, BigDecimal minArea,
                      BigDecimal maxArea, Integer page, Integer size) {

        HousingQueries.UnitFilter filter() {
            return new HousingQueries.UnitFilter(districtCode, projectId, buildingId, status, layout, minArea, maxArea);
        }

        PageQuery pageQuery() {
            return PageQuery.of(page, size);
        }
    }

    @GetMapping("/units")
    @Operation(summary = "房源查询：区县、项目、楼栋、状态、户型、建筑面积；分页")
    PageResponse<HousingQueries.UnitRow> units(CurrentUser user, @ParameterObject @ModelAttribute UnitSearch search) {
        return queries.units(user, search.filter(), search.pageQuery());
    }

    record StatusChange(UnitStatus status, String reason) {
    }

    @PostMapping("/units/{id}/status")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "变更房源状态（按状态转换表）")
    void changeStatus(CurrentUser user, @PathVariable long id, @RequestBody StatusChange change) {
        stock.changeUnitStatus(user, id, change.status(), change.reason());
    }
}
