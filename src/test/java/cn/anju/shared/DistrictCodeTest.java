package cn.anju.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictCodeTest {

    @Test
    void knowsItsCity() {
        assertThat(DistrictCode.of("610802").city()).isEqualTo(DistrictCode.of("610800"));
        assertThat(DistrictCode.of("610800").isCity()).isTrue();
        assertThat(DistrictCode.of("610881").isCity()).isFalse();
    }

    @Test
    void refusesAnythingButSixDigits() {
        assertThatThrownBy(() -> DistrictCode.of("61080")).hasMessageContaining("6位");
        assertThatThrownBy(() -> DistrictCode.of("61080X")).isInstanceOf(IllegalArgumentException.class);
    }
}
