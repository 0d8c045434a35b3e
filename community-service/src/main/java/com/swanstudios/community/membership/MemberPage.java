package com.swanstudios.community.membership;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a community's members (or requests), the most recent first. */
@Schema(name = "MemberPage")
public record MemberPage(List<MemberView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
