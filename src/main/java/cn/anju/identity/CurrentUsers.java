package cn.anju.identity;

import org.springframework.modulith.NamedInterface;

import java.util.Optional;

/** The signed-in user, for code outside a controller method (e.g. the page shell). */
@NamedInterface("api")
public final class CurrentUsers {

    private CurrentUsers() {
    }

    public static Optional<CurrentUser> current() {
        return Optional.ofNullable(CurrentUserArgumentResolver.current());
    }
}
