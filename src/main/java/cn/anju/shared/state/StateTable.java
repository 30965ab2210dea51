package cn.anju.shared.state;

import java.util.List;

/**
 * A table whose rows move along a transition table, declared once by its owning module: the table's name, its state
 * column, and what a user calls one row (工单, 案件…) for the refusals. Every such table has an {@code id} key and a
 * {@code version} counter that each change raises by one.
 */
public record StateTable<S extends Enum<S> & State<S>>(String name, Column<S> state, String noun) {

    public StateTable {
        Column.requireIdentifier(name);
        if (state == null || noun == null || noun.isBlank()) {
            throw new IllegalArgumentException("a state table needs its state column and its noun");
        }
    }

    public static <S extends Enum<S> & State<S>> StateTable<S> of(String name, String stateColumn, Class<S> states, String noun) {
        return new StateTable<>(name, Column.of(stateColumn, states), noun);
    }

    /**
     * The change of row {@code id}, seen at {@code version} in state {@code from}, to {@code to} with the columns that
     * change beside the state; refused with 409 when the transition table does not lead from {@code from} to {@code to}.
     */
    public StateChange<S> change(long id, int version, S from, S to, FieldValue<?>... values) {
        return new StateChange<>(this, id, version, from, to, List.of(values));
    }
}
