package cn.anju.housing;

import cn.anju.identity.ProjectDistricts;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The housing stock answers identity's question of which district a project lies in. */
@Component
class ProjectDistrictsOfStock implements ProjectDistricts {

    private final HousingStock stock;

    ProjectDistrictsOfStock(HousingStock stock) {
        this.stock = stock;
    }

    @Override
    public Optional<String> districtOf(long projectId) {
        return stock.projectDistrict(projectId);
    }
}
