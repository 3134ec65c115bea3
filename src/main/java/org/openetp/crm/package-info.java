/**
 * Sales management for suppliers' sales teams (SPEC §7): accounts and contacts, deals through the six stages,
 * channels and the ownership ledger, reserved accounts, conflicts, activities and daily plans with the head's live
 * board, supplier and competitor bases, segments, channel economics and tender-to-lead. Everything belongs to one
 * supplier organization and is invisible to every other.
 */
@org.springframework.modulith.ApplicationModule
@org.jspecify.annotations.NullMarked
package org.openetp.crm;
