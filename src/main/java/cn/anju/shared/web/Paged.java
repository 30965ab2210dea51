package cn.anju.shared.web;

/**
 * A filter record bound from {@code ?page=&size=}: a record with the components {@code Integer page, Integer size}
 * implements both accessors, and {@link #pageQuery()} applies {@link PageQuery}'s defaults and limits. A page of the
 * UI shows a fixed number of rows, so its filter has no {@code size} component and says how many rows it shows.
 */
public interface Paged {

    /** The 1-based page asked for; null for the first. */
    Integer page();

    /** The rows per page asked for; null for {@link PageQuery#DEFAULT_SIZE}. */
    default Integer size() {
        return null;
    }

    default PageQuery pageQuery() {
        return PageQuery.of(page(), size());
    }
}
