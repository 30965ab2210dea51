package cn.anju.shared.measure;

/**
 * A figure the government judges the operator by (collection rate, repair on-time rate, vacancy…), computed by the
 * module that owns the records, over its own tables (or views it publishes), within a {@link MeasureScope}. Every
 * reader — pages, evaluation, disclosure, dashboards — reads the figure here, so it is defined once. A module adds
 * one by declaring a bean; {@link Measures} lists them all.
 */
public interface Measure {

    MeasureDefinition definition();

    /**
     * The value within the scope over the period, with the records behind a ratio or a count. Callers pass the period
     * kind the definition names; {@link Measures#compute} checks it for callers from outside the module.
     */
    MeasureValue compute(MeasureScope scope, MeasurePeriod period);

    /** The owning module: the package under {@code cn.anju} the measure lives in. */
    default String module() {
        String name = getClass().getPackageName();
        String rest = name.startsWith("cn.anju.") ? name.substring("cn.anju.".length()) : name;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
