// never compiled: configuring fails first
