package dev.blueprint.targets.git;

import java.util.Optional;

/**
 * What one {@link GitPublisher#publish} did; {@link GitPublisher#unpublish} undoes exactly this.
 *
 * @param commit the commit of the revision (new or found)
 * @param created whether this call made the commit (false: the revision was committed already)
 * @param createdRepository whether this call ran {@code git init}
 * @param previousHead the branch's commit before this call, empty if the branch was new
 * @param remote the remote pushed to, if any
 * @param previousRemoteHead the remote branch's commit before the push, empty if it was new
 */
public record PublishResult(
    String commit,
    boolean created,
    boolean createdRepository,
    Optional<String> previousHead,
    Optional<String> remote,
    Optional<String> previousRemoteHead) {}
