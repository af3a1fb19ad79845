package org.rota.platform.web;

import org.rota.platform.problem.ProblemException;

/**
 * The version a client based its change on, from an {@code If-Match} header (a mismatch is 412) or a {@code version}
 * field in the body (a mismatch is 409). {@link #ANY} is for changes that are safe whatever the current state.
 */
public record ExpectedVersion(Long version, boolean fromIfMatch) {

    public static final ExpectedVersion ANY = new ExpectedVersion(null, false);

    public static ExpectedVersion of(String ifMatch, Long bodyVersion) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String tag = ifMatch.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            tag = tag.replace("\"", "");
            try {
                return new ExpectedVersion(Long.parseLong(tag), true);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("If-Match", "If-Match must be an entity tag such as \"3\"");
            }
        }
        return new ExpectedVersion(bodyVersion, false);
    }

    /** Like {@link #of}, but a change without any version is refused. */
    public static ExpectedVersion required(String ifMatch, Long bodyVersion) {
        ExpectedVersion expected = of(ifMatch, bodyVersion);
        if (expected.version == null) {
            throw ProblemException.badRequest("version",
                    "version is required: send the version you read, in the body or as If-Match");
        }
        return expected;
    }

    public void check(String what, long actual) {
        if (version == null || version == actual) {
            return;
        }
        throw fromIfMatch ? ProblemException.preconditionFailed(what, actual)
                : ProblemException.staleVersion(what, version, actual);
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }
}
