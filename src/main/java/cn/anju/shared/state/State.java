package cn.anju.shared.state;

/**
 * A state of an aggregate whose enum holds an explicit transition table (e.g. a work order's {@code SUBMITTED →
 * ACCEPTED}). The table is the one place that says which change is legal; {@link StateChange} refuses any other.
 */
public interface State<S extends Enum<S> & State<S>> {

    boolean canBecome(S next);

    /** How a user reads the state, in Chinese (e.g. 已完工): refusals name it. */
    String label();
}
