import LiKMCCommands

LiKMC.main()
