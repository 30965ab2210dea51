package cn.anju.shared;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** The GB/T 2260 districts the platform serves (reference data in the {@code district} table). */
@Component
public class Districts {

    private final JdbcClient jdbc;
    private final CityProperties city;
    private volatile List<District> cached;

    Districts(JdbcClient jdbc, CityProperties city) {
        this.jdbc = jdbc;
        this.city = city;
    }

    /** The city the platform serves ({@code anju.city-code}): the region of city-wide defaults and the city bureau. */
    public String cityCode() {
        return city.cityCode();
    }

    public List<District> all() {
        List<District> result = cached;
        if (result == null) {
            result = jdbc.sql("select code, name, city_code from district order by sort_order")
                    .query((rs, n) -> new District(rs.getString("code"), rs.getString("name"), rs.getString("city_code")))
                    .list();
            cached = result;
        }
        return result;
    }

    public List<District> ofCity(String cityCode) {
        return all().stream().filter(d -> d.cityCode().equals(cityCode)).toList();
    }

    public Optional<District> find(String code) {
        return all().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The district's Chinese name, or the code itself when unknown. */
    public String nameOf(String code) {
        if (code == null) {
            return "";
        }
        if (code.equals(city.cityCode())) {
            return "榆林市";
        }
        return find(code).map(District::name).orElse(code);
    }

    public record District(String code, String name, String cityCode) {
    }
}
