package cn.anju.shared.state;

/** One column's new value in a {@link StateChange}; {@code null} empties the column. */
public record FieldValue<T>(Column<T> column, T value) {

    public FieldValue {
        if (column == null) {
            throw new IllegalArgumentException("a field value needs its column");
        }
    }
}
