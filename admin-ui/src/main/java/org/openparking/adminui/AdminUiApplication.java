package org.openparking.adminui;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.theme.lumo.Lumo;
import com.vaadin.flow.component.dependency.StyleSheet;

/** The lot managers' dashboard: its own service, talking to the rest of the system only over GraphQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Push
@Viewport(Viewport.DEVICE_DIMENSIONS)
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/parking.css")
public class AdminUiApplication implements AppShellConfigurator {

	public static void main(String[] args) {
		SpringApplication.run(AdminUiApplication.class, args);
	}
}
