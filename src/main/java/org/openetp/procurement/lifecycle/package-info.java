/**
 * One procedure lifecycle (create, publish, submit, open, evaluate, award, cancel) and the procedure features that
 * plug into its steps. The lifecycle asks {@link org.openetp.procurement.lifecycle.ProcedureFeatures} for the features
 * a procedure's settings choose and calls their hooks; a new feature is one new {@code ProcedureFeature} bean.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.lifecycle;
