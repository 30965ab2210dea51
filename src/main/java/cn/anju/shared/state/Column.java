package cn.anju.shared.state;

import java.util.regex.Pattern;

/**
 * A column of a state table with the Java type of its values, named once by the module that owns the table (e.g.
 * {@code Column.of("completed_at", Instant.class)}). Only plain lower-case identifiers are accepted, so a column can
 * never smuggle SQL into the update that {@link StateChanges} writes.
 */
public record Column<T>(String name, Class<T> type) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

    public Column {
        requireIdentifier(name);
        if (type == null) {
            throw new IllegalArgumentException("column " + name + " needs its value type");
        }
    }

    public static <T> Column<T> of(String name, Class<T> type) {
        return new Column<>(name, type);
    }

    /** The column takes this value with the change. */
    public FieldValue<T> set(T value) {
        return new FieldValue<>(this, value);
    }

    /** The column is emptied with the change (e.g. a reopened order's completion). */
    public FieldValue<T> cleared() {
        return new FieldValue<>(this, null);
    }

    static String requireIdentifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
        return name;
    }
}
