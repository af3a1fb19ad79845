package org.rota.credential.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.rota.credential.config.StatusChangeConfig;
import org.rota.credential.domain.Credential;
import org.rota.platform.problem.ProblemException;

/**
 * When a change of a credential's status takes effect. By default at the moment it is made. An explicit time may lie
 * up to {@code rota.credentials.status-change.max-backdate} in the past (the office records a decision late) and up to
 * {@code max-ahead} in the future (a decision announced in advance), and never before the credential's previous status
 * change took effect, so that the history stays a sequence. The credential's validity dates do not bound it: a status
 * outside validity changes nothing.
 */
@ApplicationScoped
public class StatusEffectiveTime {

    private final StatusChangeConfig config;

    StatusEffectiveTime(StatusChangeConfig config) {
        this.config = config;
    }

    /** The effective time of the change, or a 422 naming {@code field} when the requested one breaks a rule. */
    public Instant of(Credential credential, Instant requested, Instant now, String field) {
        if (requested == null) {
            return latest(credential.statusEffectiveFrom(), now);
        }
        Instant earliest = now.minus(config.maxBackdate());
        Instant latest = now.plus(config.maxAhead());
        if (requested.isBefore(earliest) || requested.isAfter(latest)) {
            throw ProblemException.unprocessable(field, field + " (" + requested + ") must lie between " + earliest
                    + " and " + latest + " (at most " + config.maxBackdate().toDays() + " days back and "
                    + config.maxAhead().toDays() + " days ahead)");
        }
        Instant previous = credential.statusEffectiveFrom();
        if (previous != null && requested.isBefore(previous)) {
            throw ProblemException.unprocessable(field, field + " (" + requested + ") must not be before the previous"
                    + " status change of credential " + credential.id + ", effective " + previous);
        }
        return requested;
    }

    /** A default that follows a change announced for later takes effect with it, never before it. */
    private static Instant latest(Instant previous, Instant now) {
        return previous != null && previous.isAfter(now) ? previous : now;
    }
}
