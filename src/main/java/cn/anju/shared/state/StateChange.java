package cn.anju.shared.state;

import cn.anju.shared.web.ProblemException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an aggregate's intention-revealing method decided (e.g. {@code workOrder.complete(completion)}): row {@code id}
 * of {@code table}, expected at {@code expectedVersion}, goes from {@code from} to {@code to}, and these columns take
 * these values. Typed values, never SQL text: {@link StateChanges} writes the update. A change the transition table
 * does not allow cannot be made: the constructor refuses it with 409 {@value #ILLEGAL_TRANSITION}.
 */
public record StateChange<S extends Enum<S> & State<S>>(StateTable<S> table, long id, int expectedVersion, S from, S to,
                                                        List<FieldValue<?>> values) {

    /** The one stable code for a step the state table does not allow, in every module. */
    public static final String ILLEGAL_TRANSITION = "ILLEGAL_TRANSITION";

    public StateChange {
        if (table == null || from == null || to == null) {
            throw new IllegalArgumentException("a state change needs its table and both states");
        }
        if (!from.canBecome(to)) {
            throw illegal(table.noun(), from, to);
        }
        values = List.copyOf(values);
        Set<String> named = new HashSet<>(Set.of("id", "version", table.state().name()));
        for (FieldValue<?> v : values) {
            if (!named.add(v.column().name())) {
                throw new IllegalArgumentException("column " + v.column().name() + " is set by the change itself or twice");
            }
        }
    }

    /**
     * The refusal of a step the state table does not allow: 409 with {@value #ILLEGAL_TRANSITION} and the state the
     * record is in, so the user sees why (also for tables without a version, such as patrol tasks).
     */
    public static <S extends Enum<S> & State<S>> ProblemException illegal(String noun, S from, S to) {
        return ProblemException.conflict(ILLEGAL_TRANSITION, from == to ? noun + "已是“" + from.label() + "”，不能重复办理。"
                : noun + "当前状态为“" + from.label() + "”，不能办理此项（不能变为“" + to.label() + "”）。");
    }

    /**
     * The same change checked against the version the user saw, when they sent one: a page or API call that saw an
     * older version must not overwrite what someone else did since.
     */
    public StateChange<S> asSeen(Integer seenVersion) {
        return seenVersion == null ? this : new StateChange<>(table, id, seenVersion, from, to, values);
    }
}
