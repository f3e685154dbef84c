package dev.blueprint.core.advice;

import dev.blueprint.core.model.Architecture;
import dev.blueprint.core.model.Consumer;
import java.util.List;
import java.util.Map;

/** What the proposer built: the architecture, and everything the report explains about it. */
record Proposal(
    Architecture architecture,
    List<Consumer> consumers,
    List<Matrix> matrices,
    Map<String, List<String>> functionalDrivers,
    List<Derivation> derivations,
    List<Question> questions,
    List<String> assumptions,
    List<String[]> extraEdges) {}
