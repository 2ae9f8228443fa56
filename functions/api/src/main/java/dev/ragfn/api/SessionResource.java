package dev.ragfn.api;

import dev.ragfn.core.domain.ChatSession;
import dev.ragfn.core.domain.ChatTurn;
import dev.ragfn.core.domain.Ids;
import dev.ragfn.core.port.SessionStore;
import dev.ragfn.core.error.NotFoundException;
import dev.ragfn.runtime.auth.Caller;
import dev.ragfn.runtime.auth.Role;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * The caller's chat sessions, from the same store and with the same rules as chat-turn's
 * /chat/sessions: a reader sees only sessions of their own in their tenant.
 */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
public class SessionResource {

    /** Turns returned with a session, as chat-turn returns them; older ones stay stored. */
    private static final int SHOWN_TURNS = 100;

    private final SessionStore sessions;
    private final TenantAccess access;

    public SessionResource(SessionStore sessions, TenantAccess access) {
        this.sessions = sessions;
        this.access = access;
    }

    /** A session with its latest turns, oldest first. */
    public record SessionView(ChatSession session, List<ChatTurn> turns) {
    }

    @GET
    public List<ChatSession> list(@QueryParam("tenant") String tenant) {
        Caller caller = access.require(Role.READER, tenant);
        return sessions.list(caller.tenant(), caller.user());
    }

    @GET
    @Path("/{id}")
    public SessionView get(@QueryParam("tenant") String tenant, @PathParam("id") String id) {
        Caller caller = access.require(Role.READER, tenant);
        ChatSession session = sessions.get(caller.tenant(), caller.user(), Ids.id("sessionId", id))
                .orElseThrow(() -> unknown(caller.tenant(), id));
        return new SessionView(session, sessions.lastTurns(session.tenant(), id, SHOWN_TURNS));
    }

    @DELETE
    @Path("/{id}")
    public void delete(@QueryParam("tenant") String tenant, @PathParam("id") String id) {
        Caller caller = access.require(Role.READER, tenant);
        if (!sessions.delete(caller.tenant(), caller.user(), Ids.id("sessionId", id))) {
            throw unknown(caller.tenant(), id);
        }
    }

    private static NotFoundException unknown(String tenant, String id) {
        return new NotFoundException("session " + id + " of tenant " + tenant + " does not exist");
    }
}
