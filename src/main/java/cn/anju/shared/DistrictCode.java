package cn.anju.shared;

/**
 * A GB/T 2260 administrative division code: six digits, e.g. {@code 610802} for 榆阳区. Every operational row
 * carries one, which is also how the platform shards by district when it outgrows one database.
 */
public record DistrictCode(String value) {

    public DistrictCode {
        if (value == null || !value.matches("[0-9]{6}")) {
            throw new IllegalArgumentException("行政区划代码应为6位数字 / district code must be 6 digits: " + value);
        }
    }

    public static DistrictCode of(String value) {
        return new DistrictCode(value);
    }

    /** The prefecture-level city this division belongs to: first four digits followed by 00. */
    public DistrictCode city() {
        return new DistrictCode(value.substring(0, 4) + "00");
    }

    public boolean isCity() {
        return value.endsWith("00");
    }

    @Override
    public String toString() {
        return value;
    }
}
