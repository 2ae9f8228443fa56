package dev.ragfn.chatturn;

import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.error.ErrorBody;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.core.error.RagfnException;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.runtime.auth.Access;
import dev.ragfn.runtime.auth.Caller;
import dev.ragfn.runtime.auth.Role;
import dev.ragfn.runtime.http.RequestBodies;
import dev.ragfn.shield.Decision;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The answer as Server-Sent Events ({@code token} events with text the output shield has passed, a
 * {@code tool} event for each tool call once it has run, then one last event: {@code done} with the
 * final object, {@code blocked} with it when the output shield stopped the answer, or {@code error}),
 * and the caller's sessions. Every session call takes the tenant: a session id is only
 * ever looked up within it, and only its owner reaches it.
 */
@Path("/chat")
public class ChatResource {

    private static final Logger LOG = Logger.getLogger(ChatResource.class);
    /** Turns returned with a session; older ones stay stored. */
    private static final int SHOWN_TURNS = 100;

    private final ChatTurnService service;
    private final TurnPlanner planner;
    private final SessionStore sessions;
    private final Access access;
    private final OpenTurns openTurns;

    public ChatResource(ChatTurnService service, TurnPlanner planner, SessionStore sessions, Access access,
                        OpenTurns openTurns) {
        this.service = service;
        this.planner = planner;
        this.sessions = sessions;
        this.access = access;
        this.openTurns = openTurns;
    }

    /** A session with its latest turns, oldest first. */
    public record SessionView(ChatSession session, List<ChatTurn> turns) {
    }

    @POST
    @Path("/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> stream(ChatTurnRequest request, Sse sse) {
        // Checked on a worker thread before the first event commits the status line, so a refusal is a
        // 400/401/403/404/503, not an event: the body, the caller, a free slot, that a session it continues is its
        // own, then the assistant it names.
        RequestBodies.required(request, "a chat turn request");
        Caller caller = access.require(Role.READER, request.tenant());
        OpenTurns.Slot turn = openTurns.open();
        try {
            if (request.sessionId() != null) {
                sessions.get(request.tenant(), caller.user(), request.sessionId());
            }
            TurnPlan plan = planner.plan(request);
            // Ended, failed or given up by the client: the stream terminates once, and frees the slot.
            return SseTurn.run(sse, events -> answer(sse, plan, caller, events)).onTermination().invoke(turn::close);
        } catch (RuntimeException refused) {
            turn.close();
            throw refused;
        }
    }

    /** The turn's last event, or null when the client went away first. */
    private OutboundSseEvent answer(Sse sse, TurnPlan plan, Caller caller, TurnStream events) {
        try {
            ChatTurnResponse done = service.stream(plan, caller.user(), events);
            boolean blocked = Decision.BLOCK.name().equals(done.verdicts().get("output"));
            return json(sse, blocked ? "blocked" : "done", ChatTurnResponse.class, done);
        } catch (CancellationException gone) {
            return null;
        } catch (RagfnException e) {
            // The status line has gone out with the first event: the failure travels as an event.
            LOG.warnf("Chat turn failed (%s): %s", e.kind(), e.getMessage());
            return json(sse, "error", ErrorBody.class, ErrorBody.of(e));
        }
    }

    private static <T> OutboundSseEvent json(Sse sse, String name, Class<T> type, T data) {
        return sse.newEventBuilder().name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(type, data).build();
    }

    @GET
    @Path("/sessions")
    @Produces(MediaType.APPLICATION_JSON)
    public List<ChatSession> sessions(@QueryParam("tenant") String tenant) {
        Caller caller = access.require(Role.READER, tenant);
        return sessions.list(Ids.name("tenant", caller.tenant()), caller.user());
    }

    @GET
    @Path("/sessions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public SessionView session(@QueryParam("tenant") String tenant, @PathParam("id") String id) {
        Caller caller = access.require(Role.READER, tenant);
        ChatSession session = sessions.get(Ids.name("tenant", caller.tenant()), caller.user(), Ids.id("sessionId", id))
                .orElseThrow(() -> unknown(caller.tenant(), id));
        return new SessionView(session, sessions.lastTurns(session.tenant(), id, SHOWN_TURNS));
    }

    @DELETE
    @Path("/sessions/{id}")
    public void delete(@QueryParam("tenant") String tenant, @PathParam("id") String id) {
        Caller caller = access.require(Role.READER, tenant);
        if (!sessions.delete(Ids.name("tenant", caller.tenant()), caller.user(), Ids.id("sessionId", id))) {
            throw unknown(caller.tenant(), id);
        }
    }

    private static NotFoundException unknown(String tenant, String id) {
        return new NotFoundException("session " + id + " of tenant " + tenant + " does not exist");
    }
}
