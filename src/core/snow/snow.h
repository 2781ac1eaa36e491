#pragma once

// Everything of SnowCore in one include.

#include <snow/attachments.h>
#include <snow/client.h>
#include <snow/error.h>
#include <snow/global.h>
#include <snow/jsonstreamreader.h>
#include <snow/logging.h>
#include <snow/oauthclient.h>
#include <snow/pager.h>
#include <snow/paramsbuilder.h>
#include <snow/query.h>
#include <snow/querybuilder.h>
#include <snow/record.h>
#include <snow/resource.h>
#include <snow/response.h>
#include <snow/result.h>
#include <snow/retrypolicy.h>
