// The whole frnews API in one include.
#pragma once

#include "frnews/analyzer.hpp"
#include "frnews/entities.hpp"
#include "frnews/error.hpp"
#include "frnews/json.hpp"
#include "frnews/knowledge_base.hpp"
#include "frnews/lexicons.hpp"
#include "frnews/normalize.hpp"
#include "frnews/quotes.hpp"
#include "frnews/report.hpp"
#include "frnews/segment.hpp"
#include "frnews/span.hpp"
#include "frnews/version.hpp"
