package org.rota.solver.coverage;

/** {@code credential} indexes the problem's credentials; changed as said, its holder could take a seat at risk. */
public record Fix(int credential, String clinicianId, Change change) {
}
