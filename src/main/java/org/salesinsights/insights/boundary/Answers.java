package org.salesinsights.insights.boundary;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.salesinsights.insights.control.AnswerKey;
import org.salesinsights.platform.requests.Deadline;

/**
 * Answers a read action from the cache when it can, on the request's own thread; otherwise loads the page from the
 * database within the deadline ({@link Deadline}), stores it, and answers. The body is JSON-B's, made once per load
 * and sent as it is on every hit.
 */
@ApplicationScoped
public class Answers {

    /** JSON-B with the defaults the JAX-RS providers use, so a cached body is byte for byte what they would write. */
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    AnswerCache cache;

    /** Held here, in an application-scoped bean: a request-scoped resource would look the EJB up on every call. */
    @Inject
    OpportunityInsights insights;

    @Inject
    Deadline deadline;

    /**
     * @param load reads the page from the database (runs on the deadline's executor)
     * @param shape the page as the action's body
     */
    public Response answer(HttpServletRequest request, AnswerKey key,
            Function<OpportunityInsights, OpportunityInsights.LocalizedPage> load,
            Function<OpportunityInsightsPage, Object> shape) {
        return answerShaped(request, key, insights -> {
            OpportunityInsights.LocalizedPage page = load.apply(insights);
            return new OpportunityInsights.Shaped(shape.apply(page.page()), page.languages(), page.nextChange());
        });
    }

    /** As {@link #answer}, for an action whose load shapes its body itself (the record details). */
    public Response answerShaped(HttpServletRequest request, AnswerKey key,
            Function<OpportunityInsights, OpportunityInsights.Shaped> load) {
        Optional<AnswerCache.Hit> hit = cache.find(key);
        if (hit.isPresent()) {
            return response(hit.get().answer(), hit.get().stale());
        }
        long ticket = cache.ticket();
        return deadline.call(request, () -> {
            OpportunityInsights.Shaped page = load.apply(insights);
            AnswerCache.Answer answer = new AnswerCache.Answer(
                    JSONB.toJson(page.body()).getBytes(StandardCharsets.UTF_8), page.languages(),
                    page.nextChange().map(java.time.OffsetDateTime::toInstant).orElse(null));
            cache.store(key, answer, ticket);
            return response(answer, Optional.empty());
        });
    }

    /** 200 with the body, the languages it is in, that it varies by the language asked for, and if stale, how. */
    private static Response response(AnswerCache.Answer answer, Optional<Duration> stale) {
        Response.ResponseBuilder ok = OpportunityInsights.LocalizedPage.localized(
                Response.ok(answer.body(), MediaType.APPLICATION_JSON_TYPE), answer.languages());
        stale.ifPresent(age -> ok.header(AnswerCache.STALE_HEADER, age.getSeconds()));
        return ok.build();
    }
}
