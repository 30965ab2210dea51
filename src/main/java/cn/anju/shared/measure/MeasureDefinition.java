package cn.anju.shared.measure;

import java.util.Objects;

/**
 * What a measure is, fixed in code: a stable code that integrations and evaluation rules keep, its Chinese and English
 * names, its definition in Chinese as the government reads it, its kind and units, which period it takes, and
 * whether it can be computed as of a past day from dated records ({@code backfillable}); one that cannot reads
 * today's state only (e.g. units by status).
 *
 * @param unit            the value's unit; for a ratio, the numerator's
 * @param denominatorUnit a ratio's denominator unit; null for other kinds
 */
public record MeasureDefinition(String code, String name, String nameEn, String definition, MeasureKind kind, MeasureUnit unit,
                                MeasureUnit denominatorUnit, MeasurePeriod.Kind period, boolean backfillable) {

    public MeasureDefinition {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("a measure code is upper case with underscores: " + code);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(nameEn, "nameEn");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(period, "period");
        if ((kind == MeasureKind.RATIO) != (denominatorUnit != null)) {
            throw new IllegalArgumentException("a ratio, and only a ratio, has a denominator unit: " + code);
        }
    }

    public static MeasureDefinition ratio(String code, String name, String nameEn, MeasureUnit numerator, MeasureUnit denominator,
                                          MeasurePeriod.Kind period, boolean backfillable, String definition) {
        return new MeasureDefinition(code, name, nameEn, definition, MeasureKind.RATIO, numerator, denominator, period, backfillable);
    }

    /** A count, an amount or a breakdown. */
    public static MeasureDefinition of(MeasureKind kind, String code, String name, String nameEn, MeasureUnit unit,
                                       MeasurePeriod.Kind period, boolean backfillable, String definition) {
        return new MeasureDefinition(code, name, nameEn, definition, kind, unit, null, period, backfillable);
    }
}
