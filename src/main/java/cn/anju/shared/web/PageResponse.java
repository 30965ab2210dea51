package cn.anju.shared.web;

import java.util.List;
import java.util.function.Function;

/**
 * The one pagination shape of the API: {@code items}, 1-based {@code page}, {@code size}, {@code total} and
 * {@code totalPages}.
 */
public record PageResponse<T>(List<T> items, int page, int size, long total, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long total) {
        int pages = (int) Math.max(1, (total + query.size() - 1) / query.size());
        return new PageResponse<>(List.copyOf(items), query.page(), query.size(), total, pages);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, total, totalPages);
    }
}
