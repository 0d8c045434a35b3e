package com.swanstudios.community.community;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of communities, newest first. */
@Schema(name = "CommunityPage")
public record CommunityPage(List<CommunityView> items,
        @Schema(nullable = true, description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
