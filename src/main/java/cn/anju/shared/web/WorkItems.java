package cn.anju.shared.web;

import java.util.List;

/**
 * What is waiting for this user, contributed by the modules that know (renewals due, filings overdue, move-outs…):
 * the home page shows each with its count and a link to the list. A contribution counts only within the user's
 * data scope and returns nothing for a role the work is not for.
 *
 * @param <U> the signed-in user; the shared kernel cannot name identity's {@code CurrentUser}, so the contract takes
 *            it as a type parameter and the portal collects every {@code WorkItems<CurrentUser>} bean
 */
public interface WorkItems<U> {

    /** @param label a message key (messages*.properties), e.g. {@code work.RENEWAL_DUE}; @param path the list that shows them; @param urgent shown in red */
    record Item(String label, long count, String path, boolean urgent) {
    }

    List<Item> forUser(U user);
}
