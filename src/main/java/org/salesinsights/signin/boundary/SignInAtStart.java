package org.salesinsights.signin.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Sets sign-in up when the application starts rather than at the first request, so that its warnings (DEMO MODE, no
 * audience configured) are in the log at start on every server: WildFly creates application-scoped beans lazily.
 */
@WebListener
public class SignInAtStart implements ServletContextListener {

    @Inject
    SignIn signIn;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        signIn.demo(); // the first call on the bean runs its start, which logs what deployers must know
    }
}
