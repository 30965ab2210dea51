package cn.anju.shared.state;

import java.util.Collection;

/**
 * Lists of states as a query's parameter: {@code where state = any(?)} with {@code States.names(CaseState.OPEN)},
 * so a list of states is written once, in the enum, and never by hand in SQL.
 */
public final class States {

    private States() {
    }

    public static String[] names(Collection<? extends Enum<?>> states) {
        return states.stream().map(Enum::name).toArray(String[]::new);
    }
}
