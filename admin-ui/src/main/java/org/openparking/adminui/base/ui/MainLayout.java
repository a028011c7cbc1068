package org.openparking.adminui.base.ui;

import org.openparking.adminui.security.Caller;
import org.openparking.adminui.security.CurrentUser;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;

/** The frame of every view: a side navigation built from the views' {@code @Menu}s (only those the user may open). */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

	MainLayout(CurrentUser currentUser) {
		setPrimarySection(Section.DRAWER);
		Caller caller = currentUser.get();
		H1 title = new H1("Parking admin");
		title.addClassName("app-title");
		Span who = new Span(caller.username() + " · " + caller.role().name().toLowerCase());
		who.addClassName("app-user");
		Button logout = new Button("Log out", new Icon(VaadinIcon.SIGN_OUT), click -> currentUser.logout());
		logout.addThemeVariants(ButtonVariant.TERTIARY);
		HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, who, logout);
		header.setWidthFull();
		header.setAlignItems(HorizontalLayout.Alignment.CENTER);
		header.expand(who);
		addToNavbar(header);
		addToDrawer(navigation());
	}

	private static SideNav navigation() {
		SideNav nav = new SideNav();
		MenuConfiguration.getMenuEntries().forEach(entry -> nav.addItem(item(entry)));
		return nav;
	}

	private static SideNavItem item(MenuEntry entry) {
		return entry.icon() == null ? new SideNavItem(entry.title(), entry.path())
				: new SideNavItem(entry.title(), entry.path(), new Icon(entry.icon()));
	}
}
