package org.ehcptracker.kit.app;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import org.ehcptracker.kit.messaging.TransientFailure;
import org.ehcptracker.kit.rest.ProblemResponses;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * PostgreSQL stopped, restarting or unreachable while a command ran: the failure mostly arrives wrapped (Hibernate
 * Reactive's JDBCConnectionException over the server's SQLSTATE, 57P01 "terminating connection" while it shuts down),
 * or together with the failed rollback, past service-kit's mappers for the bare connection errors. Nothing was committed, so the answer is 503 with
 * Retry-After (a client retries), never a 500. Any other database failure stays a 500 problem.
 */
public class StoreUnavailableProblem {

    private static final Logger LOG = Logger.getLogger(StoreUnavailableProblem.class);

    @ServerExceptionMapper
    public Response persistenceFailure(PersistenceException e) {
        return answer(e);
    }

    @ServerExceptionMapper
    public Response databaseFailure(PgException e) {
        return answer(e);
    }

    /**
     * The connection dropped mid-command: Hibernate Reactive's rollback fails as well, and Mutiny reports both
     * (the command's failure first, then "Live transaction detected while closing the connection").
     */
    @ServerExceptionMapper
    public Response failures(CompositeException e) {
        return answer(e, e.getCauses().stream().anyMatch(TransientFailure::isTransient));
    }

    /**
     * PostgreSQL's socket reset under a running command (seen when it stopped under load): a bare
     * {@code IOException("Connection reset by peer")} from the client's connection, unwrapped. Any other I/O failure
     * stays a 500 problem, as it was.
     */
    @ServerExceptionMapper
    public Response connectionReset(java.io.IOException e) {
        return answer(e);
    }

    private static Response answer(Exception e) {
        return answer(e, TransientFailure.isTransient(e));
    }

    private static Response answer(Exception e, boolean unavailable) {
        if (unavailable) {
            LOG.warnf("the database cannot serve the command now, answering 503: %s", e);
            return ProblemResponses.storeUnavailable();
        }
        LOG.error("command failed in the database", e);
        return HttpProblem.builder().withStatus(500).withTitle("Internal Server Error").build().toResponse();
    }
}
