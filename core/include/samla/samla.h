/* samla.h: everything a plugin or a program using libsamla includes. */
#ifndef SAMLA_H
#define SAMLA_H

#include "samla/arena.h"
#include "samla/context.h"
#include "samla/doc.h"
#include "samla/model.h"
#include "samla/pattern.h"
#include "samla/plugin.h"
#include "samla/runtime.h"
#include "samla/status.h"
#include "samla/phrases.h"
#include "samla/text.h"

#endif
