/**
 * Open data (SPEC §9): every published procedure in the Open Contracting Data Standard 1.1 — immutable releases
 * written on procurement's events, a record per procedure, a feed paged by a cursor that only moves over committed
 * releases, and monthly bulk files built from the database. It listens and reads through module APIs; nothing
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"procurement", "organization", "shared"})
@org.jspecify.annotations.NullMarked
package org.openetp.opendata;
