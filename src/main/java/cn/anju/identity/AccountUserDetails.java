package cn.anju.identity;

import cn.anju.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Spring Security's view of an account. Kept in the session, so the password hash is erased after login. */
final class AccountUserDetails implements UserDetails, CredentialsContainer, Actor {

    private final CurrentUser user;
    private final boolean enabled;
    private final boolean tokensUsable;
    private String passwordHash;

    AccountUserDetails(CurrentUser user, String passwordHash, boolean enabled, boolean tokensUsable) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.tokensUsable = tokensUsable;
    }

    /** Whether an API token of this account acts now: a person's while they may sign in, a machine account's while enabled. */
    boolean tokensUsable() {
        return tokensUsable;
    }

    CurrentUser currentUser() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
        user.duties().forEach(d -> authorities.add(new SimpleGrantedAuthority(d.authority())));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public Long actorId() {
        return user.id();
    }

    @Override
    public String actorName() {
        return user.username();
    }

    @Override
    public Long actorOrganisationId() {
        return user.organisationId();
    }

    @Override
    public String actorRegionCode() {
        return user.regionCode();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
