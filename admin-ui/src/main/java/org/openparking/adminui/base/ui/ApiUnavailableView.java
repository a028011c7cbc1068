package org.openparking.adminui.base.ui;

import org.openparking.adminui.parking.ApiException;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;

import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/** A view that could not even be opened because the api refused or was away: say so, inside the normal frame. */
@ParentLayout(MainLayout.class)
@PermitAll
public class ApiUnavailableView extends Div implements HasErrorParameter<ApiException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ApiException> parameter) {
		removeAll();
		setId("api-unavailable");
		addClassName("empty-state");
		add(new H2("This page cannot be shown right now"), new Paragraph(parameter.getException().getMessage()),
				new Paragraph("Reload the page to try again."));
		return HttpServletResponse.SC_SERVICE_UNAVAILABLE;
	}
}
