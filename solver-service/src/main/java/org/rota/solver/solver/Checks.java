package org.rota.solver.solver;

final class Checks {

    private Checks() {
    }

    static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidProblemException(field, message);
        }
    }
}
