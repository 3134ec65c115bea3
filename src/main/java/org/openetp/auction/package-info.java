/**
 * Live electronic auctions (SPEC §6): the seven auction kinds run as deterministic, replayable engines fed by the
 * submitted offers, with clocks, rankings, extensions and live streams around them.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.auction;
