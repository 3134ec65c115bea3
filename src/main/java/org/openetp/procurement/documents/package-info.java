/**
 * Procedure documentation and clarifications (SPEC §5.3, §5.4): files the buyer attaches in versions, free to
 * download once the procedure is public, amendments that move a too-close deadline and flag submitted bids for
 * re-confirmation; anonymous questions until the clarification deadline and public answers.
 */
@org.jspecify.annotations.NullMarked
package org.openetp.procurement.documents;
