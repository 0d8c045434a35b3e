package com.swanstudios.social.recommendation;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The best matches, best first: a bounded list, not a paged one (see RecommendationService). */
@Schema(name = "RecommendationList")
public record RecommendationList(List<Recommendation> items) {
}
