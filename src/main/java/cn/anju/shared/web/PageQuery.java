package cn.anju.shared.web;

/** A page request from {@code ?page=1&size=20}: page is 1-based, size 1..200, default 20. */
public record PageQuery(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public PageQuery {
        if (page < 1) {
            throw ProblemException.badRequest("INVALID_PAGE", "页码 page 应从 1 开始。");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("INVALID_PAGE_SIZE", "每页条数 size 应在 1 到 " + MAX_SIZE + " 之间。");
        }
    }

    public static PageQuery of(Integer page, Integer size) {
        return new PageQuery(page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }
}
