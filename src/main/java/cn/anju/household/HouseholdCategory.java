package cn.anju.household;

import org.springframework.modulith.NamedInterface;

/** 低保, 特困, 低收入, 中等偏下收入, 新就业无房职工, 外来务工人员, 其他. */
@NamedInterface("api")
public enum HouseholdCategory {
    MINIMUM_LIVING, EXTREME_POVERTY, LOW_INCOME, LOWER_MIDDLE_INCOME, NEW_EMPLOYEE, MIGRANT_WORKER, OTHER
}
