package org.salesinsights.it;

import java.io.File;
import java.net.URL;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the ITs that test the WAR the build made, deployed unchanged (Arquillian takes the {@code @Deployment}
 * from here, and injects {@link #base} here): its URL and a client for its API. An IT that deploys something else
 * (demo mode, a probe resource, the root context) has its own {@code @Deployment} and does not extend this.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedWar {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("insights.war")));
    }

    /** The API without a token. */
    Api api() {
        return Api.at(base);
    }

    /** The API with this Authorization header (a {@link TestTokens#bearer} token, say). */
    Api as(String authorization) {
        return api().as(authorization);
    }
}
