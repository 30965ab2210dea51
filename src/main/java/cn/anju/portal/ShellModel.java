package cn.anju.portal;

import cn.anju.identity.CurrentUser;
import cn.anju.identity.CurrentUsers;
import cn.anju.shared.web.MenuEntry;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** Adds what the page frame needs (user, menu, breadcrumb) to the model of every page controller. */
@ControllerAdvice(annotations = Controller.class)
class ShellModel {

    private final Menu menu;

    ShellModel(Menu menu) {
        this.menu = menu;
    }

    record Shell(CurrentUser user, List<Menu.Section> sections, MenuEntry current, String path) {
    }

    @ModelAttribute("shell")
    Shell shell(HttpServletRequest request) {
        CurrentUser user = CurrentUsers.current().orElse(null);
        if (user == null) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return new Shell(user, menu.forRoles(user.roles()), menu.entryFor(path).orElse(null), path);
    }
}
