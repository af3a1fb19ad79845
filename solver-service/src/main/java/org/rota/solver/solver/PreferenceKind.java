package org.rota.solver.solver;

public enum PreferenceKind {
    DESIRED,
    UNDESIRED
}
